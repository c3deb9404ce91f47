import type { CategoryPreset } from './types.js';

/**
 * Express/courier default category tree (DOMAIN.md "The complaint record").
 * Level 1 follows the State Post Bureau's consumer complaint categories (国家邮政局消费者申诉分类)
 * so that reports line up with the regulator's monthly notices; level 2 is the finer cause;
 * level 3 only where it clearly helps intake. Level 4 is confirmed by the handler after investigation.
 */
export const expressPreset: CategoryPreset = {
  name: 'express',
  zh: '快递',
  en: 'Express / courier',
  tree: [
    {
      code: 'delay',
      zh: '延误',
      en: 'Delay',
      children: [
        { code: 'delay.dispatch', zh: '揽收后未及时发出', en: 'Not dispatched after pickup' },
        { code: 'delay.transit', zh: '中转延误', en: 'Transit delay' },
        { code: 'delay.lastmile', zh: '派送延误', en: 'Last-mile delay' },
      ],
    },
    {
      code: 'lost',
      zh: '丢失短少',
      en: 'Lost or short',
      children: [
        { code: 'lost.whole', zh: '整件丢失', en: 'Whole parcel lost' },
        { code: 'lost.short', zh: '内件短少', en: 'Items missing' },
      ],
    },
    {
      code: 'damage',
      zh: '损毁',
      en: 'Damaged',
      children: [
        { code: 'damage.packaging', zh: '外包装破损', en: 'Packaging broken' },
        {
          code: 'damage.contents',
          zh: '内件损坏',
          en: 'Contents damaged',
          children: [
            { code: 'damage.contents.fragile', zh: '易碎品破损', en: 'Fragile item broken' },
            { code: 'damage.contents.electronics', zh: '电子产品损坏', en: 'Electronics damaged' },
            { code: 'damage.contents.perishable', zh: '食品生鲜变质', en: 'Food or fresh produce spoiled' },
          ],
        },
      ],
    },
    {
      code: 'delivery',
      zh: '投递服务',
      en: 'Delivery',
      children: [
        { code: 'delivery.address', zh: '未按址投递', en: 'Not delivered to the address' },
        { code: 'delivery.falsesign', zh: '虚假签收', en: 'Signed for without the customer' },
        {
          code: 'delivery.locker',
          zh: '未经同意放快递柜/驿站',
          en: 'Left at a locker or station without consent',
        },
        { code: 'delivery.attitude', zh: '服务态度', en: 'Courier attitude' },
      ],
    },
    {
      code: 'pickup',
      zh: '收寄服务',
      en: 'Pickup',
      children: [
        { code: 'pickup.missed', zh: '未按约上门揽收', en: 'Missed pickup appointment' },
        { code: 'pickup.refused', zh: '拒收拒寄', en: 'Refused to accept the item' },
        { code: 'pickup.attitude', zh: '揽收态度', en: 'Attitude at pickup' },
      ],
    },
    {
      code: 'fees',
      zh: '违规收费',
      en: 'Improper fees',
      children: [
        {
          code: 'fees.extra',
          zh: '额外收费',
          en: 'Extra charges',
          children: [
            {
              code: 'fees.extra.doorstep',
              zh: '送货上门/上楼加收费用',
              en: 'Charged for delivery to the door',
            },
            {
              code: 'fees.extra.station',
              zh: '快递柜/驿站取件收费',
              en: 'Charged for collection at a locker or station',
            },
            { code: 'fees.extra.packing', zh: '包装费/耗材费', en: 'Packing or materials fee' },
          ],
        },
        { code: 'fees.freight', zh: '运费争议', en: 'Freight charge dispute' },
        { code: 'fees.refund', zh: '退费', en: 'Refund of fees' },
      ],
    },
    {
      code: 'cod',
      zh: '代收货款',
      en: 'Cash on delivery',
      children: [
        { code: 'cod.unremitted', zh: '货款未返还', en: 'Collected payment not remitted' },
        { code: 'cod.amount', zh: '金额不符', en: 'Wrong amount collected' },
      ],
    },
    {
      code: 'info',
      zh: '信息',
      en: 'Information',
      children: [
        { code: 'info.inaccurate', zh: '物流信息不准确', en: 'Inaccurate tracking information' },
        { code: 'info.stale', zh: '信息未更新', en: 'Tracking not updated' },
        { code: 'info.leak', zh: '个人信息泄露', en: 'Personal data leaked' },
      ],
    },
    {
      code: 'other',
      zh: '其他',
      en: 'Other',
      children: [
        { code: 'other.goods', zh: '商品质量', en: "Goods quality (not the carrier's fault)" },
        { code: 'other.contract', zh: '合同纠纷', en: 'Contract dispute' },
        { code: 'other.misc', zh: '其他', en: 'Anything else' },
      ],
    },
  ],
};
