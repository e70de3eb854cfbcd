/**
 * `npm run load:enquiry`: the enquiry function under load, on loopback only
 * (bench/load/load-enquiry.ts says what it sends and checks).
 */
import process from "node:process";
import { main } from "../bench/load/load-enquiry.ts";

// process.exit: a request still held open somewhere must not keep a finished run waiting.
process.exit(await main());
