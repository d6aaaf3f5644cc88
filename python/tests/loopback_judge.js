// Starts the project's scripted loopback judge (test/helpers/loopback-judge.ts,
// built to out/) for the Python tests: prints its chat base URL, stops when stdin closes.
// Usage: node loopback_judge.js OUT_MODULE_PATH SCRIPT_JSON
const { startLoopbackJudge } = require(process.argv[2]);

startLoopbackJudge(JSON.parse(process.argv[3])).then((judge) => {
  process.stdout.write(judge.chatBaseUrl + "\n");
  process.stdin.resume();
  process.stdin.on("end", () => judge.close().then(() => process.exit(0)));
});
