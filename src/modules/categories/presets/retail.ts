import type { CategoryPreset } from './types.js';

/**
 * Retail chain (supermarket / hypermarket / store network) category tree.
 * Drawn from store complaint procedures (客诉处理规范, 各分店): goods quality and food safety,
 * injuries on the premises, lost items left at the service desk or bag lockers, service,
 * returns at the 退换货中心, 帐管中心 / 团购 billing, and home delivery.
 * Two levels here; agents may refine to level 3 and the handler confirms level 4.
 */
export const retailPreset: CategoryPreset = {
  name: 'retail',
  zh: '零售连锁',
  en: 'Retail chain',
  tree: [
    {
      code: 'quality',
      zh: '商品质量',
      en: 'Product quality',
      children: [
        { code: 'quality.defect', zh: '商品瑕疵/品质不良', en: 'Defect or poor quality' },
        { code: 'quality.expired', zh: '过期/临期商品', en: 'Expired or near-expiry goods' },
        { code: 'quality.counterfeit', zh: '假冒伪劣', en: 'Counterfeit or substandard goods' },
        { code: 'quality.label', zh: '标识与实物不符', en: 'Labelling does not match the product' },
        { code: 'quality.harm', zh: '商品致人身伤害/财产损失', en: 'Product caused injury or property loss' },
      ],
    },
    {
      code: 'food',
      zh: '食品安全',
      en: 'Food safety',
      children: [
        { code: 'food.spoiled', zh: '食品变质/异味', en: 'Spoiled food or off taste' },
        { code: 'food.foreign', zh: '食品内有异物', en: 'Foreign object in food' },
        { code: 'food.illness', zh: '食用后身体不适', en: 'Illness after eating' },
        { code: 'food.poisoning', zh: '群体性食物中毒', en: 'Mass food poisoning' },
        { code: 'food.hygiene', zh: '生鲜熟食加工卫生', en: 'Hygiene of fresh and cooked food preparation' },
      ],
    },
    {
      code: 'price',
      zh: '价格与收费',
      en: 'Pricing and charges',
      children: [
        { code: 'price.mismatch', zh: '标价与结算价不符', en: 'Shelf price differs from price charged' },
        { code: 'price.overcharge', zh: '收银多收/错收', en: 'Overcharged or wrongly charged at checkout' },
        { code: 'price.tag', zh: '价签缺失/不清', en: 'Price tag missing or unclear' },
        { code: 'price.receipt', zh: '小票/发票问题', en: 'Receipt or invoice problem' },
        {
          code: 'price.protection',
          zh: '买后降价/价保',
          en: 'Price dropped after purchase (price protection)',
        },
      ],
    },
    {
      code: 'service',
      zh: '服务态度',
      en: 'Staff service',
      children: [
        { code: 'service.attitude', zh: '员工态度恶劣', en: 'Rude staff' },
        {
          code: 'service.knowledge',
          zh: '业务不熟/解答错误',
          en: 'Staff unable to help or gave wrong information',
        },
        { code: 'service.checkout', zh: '收银排队/效率低', en: 'Long checkout queues or slow service' },
        { code: 'service.security', zh: '防损/保安人员不当行为', en: 'Improper conduct by security staff' },
      ],
    },
    {
      code: 'aftersales',
      zh: '售后退换',
      en: 'Returns and after-sales',
      children: [
        { code: 'aftersales.refused', zh: '退换货被拒', en: 'Return or exchange refused' },
        { code: 'aftersales.refund', zh: '退款延迟/未到账', en: 'Refund late or not received' },
        { code: 'aftersales.repair', zh: '维修/保修问题', en: 'Repair or warranty problem' },
        { code: 'aftersales.process', zh: '退换流程繁琐', en: 'Cumbersome return process' },
      ],
    },
    {
      code: 'promo',
      zh: '促销活动',
      en: 'Promotions',
      children: [
        { code: 'promo.price', zh: '促销价未兑现', en: 'Promotional price not honoured' },
        { code: 'promo.gift', zh: '赠品/满减未兑现', en: 'Free gift or discount not honoured' },
        { code: 'promo.misleading', zh: '虚假/误导宣传', en: 'False or misleading promotion' },
        { code: 'promo.coupon', zh: '优惠券/购物券问题', en: 'Coupon or voucher problem' },
      ],
    },
    {
      code: 'store',
      zh: '门店环境与安全',
      en: 'Store environment and safety',
      children: [
        { code: 'store.injury', zh: '顾客在卖场受伤', en: 'Customer injured in the store' },
        { code: 'store.hygiene', zh: '卫生环境', en: 'Cleanliness' },
        { code: 'store.facility', zh: '设施设备故障', en: 'Facilities or equipment out of order' },
        { code: 'store.storage', zh: '寄存物品遗失', en: 'Item left at service desk or bag locker lost' },
        { code: 'store.parking', zh: '停车场与交通', en: 'Parking and access' },
      ],
    },
    {
      code: 'member',
      zh: '会员与积分',
      en: 'Membership and points',
      children: [
        { code: 'member.points', zh: '积分未到账/错误', en: 'Points missing or wrong' },
        { code: 'member.benefits', zh: '会员权益未兑现', en: 'Member benefits not honoured' },
        { code: 'member.card', zh: '储值卡/购物卡问题', en: 'Stored-value or gift card problem' },
        { code: 'member.privacy', zh: '个人信息泄露', en: 'Personal data leaked' },
      ],
    },
    {
      code: 'delivery',
      zh: '配送与安装',
      en: 'Delivery and installation',
      children: [
        { code: 'delivery.late', zh: '配送延误', en: 'Late delivery' },
        { code: 'delivery.wrong', zh: '错送/漏送/货损', en: 'Wrong, missing or damaged items delivered' },
        { code: 'delivery.install', zh: '安装不及时/不规范', en: 'Installation late or poorly done' },
        { code: 'delivery.staff', zh: '配送安装人员服务', en: 'Conduct of delivery or installation staff' },
      ],
    },
    {
      code: 'other',
      zh: '其他',
      en: 'Other',
      children: [
        { code: 'other.policy', zh: '经营政策与规定', en: 'Store policies and rules' },
        { code: 'other.suggestion', zh: '意见与建议', en: 'Suggestions' },
        { code: 'other.misc', zh: '其他', en: 'Anything else' },
      ],
    },
  ],
};
