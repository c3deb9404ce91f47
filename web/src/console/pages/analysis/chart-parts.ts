import { FunnelChart, HeatmapChart } from 'echarts/charts';
import { MarkLineComponent, VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';

// What the analysis pages draw beyond the dashboard's parts: registered in the analysis chunk only.
use([HeatmapChart, FunnelChart, VisualMapComponent, MarkLineComponent]);
