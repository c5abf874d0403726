"use client";

import { useEffect, useState, type ReactNode } from "react";
import type { AppLive } from "@/lib/apps/app-live.types";
import { DriftNotice } from "./drift-notice";
import { HealthBadge } from "./health-badge";

/** Health and drift as the server pushes them (GET .../live, fed by the namespace's shared watch). */
export function LiveState(props: { initial: AppLive; liveUrl: string; reapply?: ReactNode }) {
  const [live, setLive] = useState(props.initial);
  useEffect(() => {
    const source = new EventSource(props.liveUrl);
    source.addEventListener("live", (event) => setLive(JSON.parse((event as MessageEvent<string>).data) as AppLive));
    return () => source.close();
  }, [props.liveUrl]);
  return (
    <div className="space-y-2">
      <HealthBadge health={live.health} />
      <DriftNotice drift={live.drift} release={live.release} reapply={props.reapply} />
    </div>
  );
}
