#!/usr/bin/env node
// The `fedstudio` executable: registers tsx's loader in this process, then runs the TypeScript CLI.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
