/**
 * @module A turn of the event loop: searches and index builds await it between chunks of work, so
 * other requests are answered in between (issue 15: no request holds the loop over 20 ms).
 */

/** Resolves on a later turn of the event loop, after the I/O callbacks waiting now. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
