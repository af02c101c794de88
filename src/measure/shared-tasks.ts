// Tasks shared between threads in shared memory (betweenness pivots, parts of the structural
// holes' pass): each thread claims the next task by an atomic counter and writes its result to a
// place of the task's own; the thread that owns the result waits until every task is done, and
// computes itself those of a helper that failed, so it never waits forever.

/** A share's bookkeeping: two cells of `control` and one done flag per task. */
export interface TaskBoard {
  readonly control: Int32Array;
  /** Cell of `control` holding the next task to claim. */
  readonly next: number;
  /** Cell of `control` set to 1 once a helper failed. */
  readonly failed: number;
  /** Per task: 1 once its result is complete. */
  readonly done: Int32Array;
}

/**
 * Claims and runs tasks until none of the `count` is left. A task that throws flags the failure
 * for the owner (its claimed task counts as not done) and the error goes on to the caller.
 */
export function runClaimedTasks(board: TaskBoard, count: number, run: (t: number) => void): void {
  let t = Atomics.add(board.control, board.next, 1);
  try {
    for (; t < count; t = Atomics.add(board.control, board.next, 1)) {
      run(t);
      Atomics.store(board.done, t, 1);
      Atomics.notify(board.done, t);
    }
  } catch (error) {
    Atomics.store(board.control, board.failed, 1);
    Atomics.notify(board.done, t);
    throw error;
  }
}

/**
 * The owner's side: returns once every task is done, running here (`redo`, which must start
 * the task's result afresh) each task that a failed helper left undone.
 */
export function awaitTasks(board: TaskBoard, count: number, redo: (t: number) => void): void {
  for (let t = 0; t < count; t++) {
    while (Atomics.load(board.done, t) === 0) {
      if (Atomics.load(board.control, board.failed) === 1 && Atomics.load(board.done, t) === 0) {
        redo(t);
        Atomics.store(board.done, t, 1);
      } else Atomics.wait(board.done, t, 0, 100);
    }
  }
}
