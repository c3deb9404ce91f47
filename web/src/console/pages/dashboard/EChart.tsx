import type { FunnelSeriesOption, HeatmapSeriesOption } from 'echarts/charts';
import {
  BarChart,
  type BarSeriesOption,
  LineChart,
  type LineSeriesOption,
  PieChart,
  type PieSeriesOption,
} from 'echarts/charts';
import type { MarkLineComponentOption, VisualMapComponentOption } from 'echarts/components';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws, so that the chunk stays small; the analysis pages register their
// heat map, funnel, visual map and mark lines in their own chunk (analysis/chart-parts.ts).
use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | HeatmapSeriesOption
  | FunnelSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
  | MarkLineComponentOption
>;

/**
 * What the legend shows, as drawn on the canvas (the legend is no DOM text): the entries drawn wholly
 * inside the chart, whether it pages (a scrolling legend's "1/2"), and the entries another text (a
 * slice's label) is drawn over.
 */
function drawnLegend(c: ECharts, el: HTMLElement) {
  const series = (c.getOption().series ?? []) as Array<{ data?: unknown[] }>;
  const names = new Set(series.flatMap((s) => (s.data ?? []).map((d) => (d as { name?: unknown })?.name)));
  const texts = c
    .getZr()
    .storage.getDisplayList(true)
    .flatMap((shape) => {
      const text = (shape.style as { text?: unknown }).text;
      if (typeof text !== 'string') return [];
      const box = shape.getBoundingRect().clone();
      if (shape.transform) box.applyTransform(shape.transform);
      return [{ text, box, entry: names.has(text) }];
    });
  const entries = texts.filter((x) => x.entry);
  const within = ({ box }: (typeof texts)[number]) =>
    box.x >= 0 && box.y >= 0 && box.x + box.width <= el.clientWidth && box.y + box.height <= el.clientHeight;
  return {
    inside: entries.filter(within).map((x) => x.text),
    paged: texts.some((x) => /^\d+\/\d+$/.test(x.text)),
    covered: entries
      .filter((x) => texts.some((other) => !other.entry && other.box.intersect(x.box)))
      .map((x) => x.text),
  };
}

/**
 * Where each bar, point and heat-map cell of the cartesian series is drawn (its centre, in the chart's
 * pixels): a test clicks there as a person would, the canvas having no elements to find.
 */
function drawnItems(c: ECharts) {
  const option = c.getOption() as {
    series?: Array<{ type?: string; data?: unknown[] }>;
    yAxis?: Array<{ type?: string }>;
  };
  const horizontal = option.yAxis?.[0]?.type === 'category';
  return (option.series ?? []).flatMap((s, series) =>
    (s.data ?? []).flatMap((d, index) => {
      const v = d !== null && typeof d === 'object' && 'value' in d ? d.value : d;
      let at: number[] | undefined;
      if (s.type === 'heatmap' && Array.isArray(v)) at = [Number(v[0]), Number(v[1])];
      else if ((s.type === 'bar' || s.type === 'line') && typeof v === 'number') {
        const along = s.type === 'bar' ? v / 2 : v;
        at = horizontal ? [along, index] : [index, along];
      }
      const p = at && c.convertToPixel({ seriesIndex: series }, at);
      return Array.isArray(p) ? [{ series, index, x: Math.round(p[0] ?? 0), y: Math.round(p[1] ?? 0) }] : [];
    }),
  );
}

export interface ChartProps {
  option: ChartOption;
  height?: number;
  /** A click on a bar, slice, point or cell: its index in its series' data, and the series'. */
  onClick?: (dataIndex: number, seriesIndex: number) => void;
  'data-testid'?: string;
  'aria-label'?: string;
}

/** Apache ECharts in React: initialised on mount, resized with its box, disposed on unmount. */
export function EChart({ option, height = 300, onClick, ...rest }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p.dataIndex, p.seriesIndex ?? 0));
    // Drawn and done animating: tests (and screenshots) wait for this rather than sleeping.
    c.on('finished', () => {
      el.dataset.legend = JSON.stringify(drawnLegend(c, el));
      el.dataset.items = JSON.stringify(drawnItems(c));
      el.dataset.rendered = 'true';
    });
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const el = box.current;
    if (el) el.dataset.rendered = 'false';
    // Merged, so that new data or another language animates from what is shown.
    chart.current?.setOption({ animationDuration: 400, animationDurationUpdate: 300, ...option });
  }, [option]);

  return <div ref={box} role="img" style={{ width: '100%', height }} {...rest} />;
}
