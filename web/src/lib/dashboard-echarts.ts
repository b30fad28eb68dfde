import { BarChart, FunnelChart } from 'echarts/charts';
import { GridSimpleComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

/**
 * ECharts, trimmed to what the dashboard draws: bar and funnel charts on a plain grid, painted
 * on canvas (no SVG strings, no eval; the CSP allows it as is). Imported lazily by Chart.svelte,
 * so only the dashboard downloads it. A new chart type or component must be registered here.
 */
use([BarChart, FunnelChart, GridSimpleComponent, CanvasRenderer]);

export { init };
export type { ECharts } from 'echarts/core';
