/**
 * The build copies the modules' data folders (reference tables, industry schemes) beside the
 * compiled code, where the modules read them from (`new URL('./data/…', import.meta.url)`).
 */
import { cpSync, existsSync } from 'node:fs';

for (const dir of ['reference/data', 'industries/data']) {
  if (existsSync(`src/${dir}`)) cpSync(`src/${dir}`, `dist/${dir}`, { recursive: true });
}
