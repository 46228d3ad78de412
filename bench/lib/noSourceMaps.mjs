// Loaded after tsx (`node --import tsx --import ./bench/lib/noSourceMaps.mjs …`): tsx turns on source-mapped stack
// traces, which make every `Error.stack` read costly (the Neo4j driver captures one per statement); the product
// runs compiled, without them, in production (`npm start`), and is measured that way.
process.setSourceMapsEnabled(false);
