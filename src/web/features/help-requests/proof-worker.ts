// Issue 17: the proof of work of the citizen form, solved off the page's thread (altcha-lib's v1
// worker: `{ type: 'work', payload: { algorithm, challenge, salt, start, max } }` → the solution or null).
import 'altcha-lib/v1/worker';
