// The scripted loopback judge lives with the judge code so the benchmark can use it too.
export * from "../../server/src/judge/testing/loopback-judge.js";
