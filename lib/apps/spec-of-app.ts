import type { AppSpecInput } from "./app-spec.types";

type AppRow = {
  name: string;
  imageRepository: string;
  containerPort: number;
  replicas: number;
  env: unknown;
  resources: unknown;
  healthCheckPath: string | null;
  host: string | null;
};

/** An App row as the spec people edit and export (the same shape the form validates). */
export function specOfApp(app: AppRow): AppSpecInput {
  return {
    name: app.name,
    imageRepository: app.imageRepository,
    containerPort: app.containerPort,
    replicas: app.replicas,
    env: (app.env ?? []) as AppSpecInput["env"],
    resources: (app.resources ?? {}) as AppSpecInput["resources"],
    ...(app.healthCheckPath ? { healthCheckPath: app.healthCheckPath } : {}),
    ...(app.host ? { host: app.host } : {}),
  };
}

/** The App columns a spec sets (everything but the name, which never changes). */
export function appSettingsOf(spec: AppSpecInput) {
  return {
    imageRepository: spec.imageRepository,
    containerPort: spec.containerPort,
    replicas: spec.replicas,
    env: spec.env,
    resources: spec.resources,
    healthCheckPath: spec.healthCheckPath ?? null,
    host: spec.host ?? null,
  };
}
