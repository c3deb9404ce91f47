import type { ChannelConfig } from './channels/index.js';

/** `notify_channels` setting: how each kind of notice leaves Kesu. Unset channels are not sent (status `unconfigured`). */
export interface ChannelSettings {
  email?: ChannelConfig;
  sms?: ChannelConfig;
  /** Staff group robots (WeCom, DingTalk, Feishu); escalations and major complaints are posted to each. */
  robots?: Array<{ name: string; config: ChannelConfig }>;
}
