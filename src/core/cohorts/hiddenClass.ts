/**
 * Objects a parse makes once per call and its loops then use per row (the id index, the day reader,
 * the row tallies, the column views) are object literals made by a factory, and one of each is kept
 * here for good. Why: optimized code checks an object's hidden class (V8's map) and holds that map
 * only weakly. A class instance's map is built field by field in the constructor, and a literal made
 * by a function called too rarely to have its feedback allocated (a factory, called once per parse)
 * gets its map the same way; either map is collected at a full collection once its last object is
 * gone, and every optimized function that checked for it is thrown away with it ("weak objects" in
 * --trace-deopt). So each call after a full collection ran its parse loop unoptimized and compiled it
 * again, 60–190 ms of a million-row call. One object of each kind kept alive keeps its map, which the
 * next call's objects share, and the compiled loop stays valid.
 */
const held: object[] = [];

/** Keeps `example` (and so the hidden class of every object made like it) alive; returns it. */
export function holdHiddenClass<T extends object>(example: T): T {
  held.push(example);
  return example;
}
