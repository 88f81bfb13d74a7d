#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm run build). During development: npm run dev -- <args>.
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
