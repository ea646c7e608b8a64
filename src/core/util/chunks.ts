/**
 * Items per call of a function that runs part of a loop over a whole corpus (its files, documents,
 * question sets or rows). A loop in a function that runs once per corpus is compiled by V8 while it
 * runs (on-stack replacement), anew on every call of that function; a function called for every
 * chunk is compiled once and kept. The corpus is indexed and tabled again and again in the editor
 * (the Corpus view links the question sets on every update).
 */
export const LOOP_CHUNK = 256;
