/**
 * lib/engine: the release queue, leader election, notifications between replicas and
 * graceful shutdown (DESIGN.md, "Engine").
 */
export { enqueueRelease } from "./enqueue-release";
export { isLeader, startEngine, stopEngine } from "./start-engine";
export { handleTermination } from "./termination";
export { isShuttingDown, onShutdown, shutdownSignal } from "./shutdown";
