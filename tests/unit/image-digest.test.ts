import { describe, expect, it } from "vitest";
import { digestOfReference, digestOfRelease, pinnedImage } from "@/lib/deploys/image-digest";

const DIGEST = `sha256:${"c".repeat(64)}`;
const pod = (release: string, imageID?: string) => ({
  metadata: { name: `web-${release}`, labels: { "slipway.dev/release": release } },
  status: { containerStatuses: [{ name: "web", ...(imageID === undefined ? {} : { imageID }) }] },
});

describe("[promotion] image digests", () => {
  it("takes the digest the release's pods report, in the kubelet's forms", () => {
    expect(
      digestOfRelease({
        image: "r.example.com/web:v1",
        releaseId: "r1",
        pods: [pod("r1", `docker-pullable://r.example.com/web@${DIGEST}`)],
      }),
    ).toBe(DIGEST);
    expect(digestOfRelease({ image: "r.example.com/web:v1", releaseId: "r1", pods: [pod("r1", `r.example.com/web@${DIGEST}`)] })).toBe(
      DIGEST,
    );
  });

  it("ignores other releases' pods and falls back to a digest in the reference, else none", () => {
    expect(digestOfRelease({ image: "r.example.com/web:v1", releaseId: "r2", pods: [pod("r1", `x@${DIGEST}`), pod("r2", "")] })).toBeNull();
    expect(digestOfRelease({ image: `r.example.com/web@${DIGEST}`, releaseId: "r2", pods: [pod("r2")] })).toBe(DIGEST);
    expect(digestOfReference("r.example.com/web:v1")).toBeNull();
  });

  it("pins a tag or digest reference to a digest, keeping a registry port", () => {
    expect(pinnedImage("r.example.com:5000/team/web:v1", DIGEST)).toBe(`r.example.com:5000/team/web@${DIGEST}`);
    expect(pinnedImage(`r.example.com/web:v1@sha256:${"d".repeat(64)}`, DIGEST)).toBe(`r.example.com/web@${DIGEST}`);
    expect(pinnedImage("web", DIGEST)).toBe(`web@${DIGEST}`);
  });
});
