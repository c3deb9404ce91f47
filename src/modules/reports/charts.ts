/** The report's charts, drawn on the server by ECharts as SVG (no browser, no canvas). */
import * as echarts from 'echarts';
import type { Table } from './tables.js';

export const CHART_WIDTH = 500;
export const CHART_HEIGHT = 230;
/** The family the SVG names; the PDF maps every family to its embedded CJK font. */
export const CHART_FONT = 'report-cjk';

function render(option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The daily trend as a line. */
export function trendChart(title: string, days: Array<{ day: string; complaints: number }>): string {
  return render({
    title: { text: title, textStyle: { fontSize: 13 } },
    grid: { left: 40, right: 16, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'line', data: days.map((d) => d.complaints), areaStyle: { opacity: 0.15 } }],
  });
}

/** A table's first column against one of its number columns, as bars: this period and the previous. */
export function barChart(title: string, table: Table, legend: [string, string]): string {
  const rows = table.rows.slice(0, 10);
  return render({
    title: { text: title, textStyle: { fontSize: 13 } },
    legend: { right: 0, top: 0, data: legend },
    grid: { left: 110, right: 16, top: 36, bottom: 24 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => String(r[0])) },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: legend[0], type: 'bar', data: rows.map((r) => Number(r[1]) || 0) },
      { name: legend[1], type: 'bar', data: rows.map((r) => Number(r[3]) || 0) },
    ],
  });
}
