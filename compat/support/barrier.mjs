// Starts racing calls at the same moment: each task waits at a barrier until all have arrived, so the
// race is decided by the server and not by the order the test happened to start them in.

/** Runs every task at once behind a barrier; resolves with their settled outcomes (Promise.allSettled). */
export function race(tasks) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  let arrived = 0;
  return Promise.allSettled(tasks.map(async (task) => {
    arrived += 1;
    if (arrived === tasks.length) release();
    await gate;
    return task();
  }));
}
