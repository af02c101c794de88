#!/usr/bin/env node
// The CLI as one bundle (esbuild): loading ~100 modules one by one took 0.4 s before any work.
import '../dist/bundle/bin.js';
