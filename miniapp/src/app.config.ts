export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/events/index',
    'pages/donate/index',
    'pages/proposals/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/consent/index',
  ],
  // One sub-package per feature: the main package holds only the tabs, login and the privacy notice.
  subPackages: [
    // 活动: 详情 (报名 / 取消; links in notices and shared chats open here), 我的报名, 我的签到码.
    { root: 'event', pages: ['detail/index', 'my-registrations/index', 'checkin-code/index'] },
    // 消息 (候补成功, 活动变更; later features send messages too).
    { root: 'inbox', pages: ['messages/index'] },
    // 管理 (committee and chair only).
    {
      root: 'admin',
      pages: ['index/index', 'roster/index', 'member/index', 'import/index', 'invites/index', 'audit/index'],
    },
    // 活动管理 (committee; group leaders see their group's sign-ups): 发布/编辑, 报名名单, 签到;
    // and 全区学校, 全区捐款 (each school's totals), 各校学期汇总 for the district union (区教育工会管理员).
    {
      root: 'manage',
      pages: ['event-form/index', 'registrations/index', 'checkin/index', 'district/index', 'district-donations/index', 'district-report/index'],
    },
    // 捐款: a campaign (进度, 公示, 捐款; the treasurer's 确认 / 退回) and 我的捐款.
    { root: 'donate', pages: ['campaign/index', 'mine/index'] },
    // 表决 (教代会表决, 民主测评, 选举): 投票 and 核对, 回执, 结果; the chair's 发起表决, 开启 / 结束.
    { root: 'ballot', pages: ['list/index', 'detail/index', 'receipt/index', 'results/index', 'create/index'] },
    // 困难补助 (互助储金): 申请 / 代为申请, 一份申请 (委员会审批, 财务发放), 互助金账目 (主席、财务).
    { root: 'aid', pages: ['index/index', 'apply/index', 'case/index', 'fund/index'] },
    // 教代会提案 (发起征集, 征集, 公示与统计, 提案: 附议, 立案, 答复, 落实, 评价, 督办; 草稿) and 金点子.
    {
      root: 'proposal',
      pages: ['session/index', 'detail/index', 'form/index', 'ideas/index', 'mine/index', 'overdue/index', 'session-form/index'],
    },
    // 学期总结 (数字、图表、明细、总结初稿), 送温暖 (走访慰问) and 会员生日 (this month, or any month): committee and chair only.
    { root: 'report', pages: ['index/index', 'records/index', 'care/index', 'care-form/index', 'birthdays/index'] },
    // 通知 (校务公开): every member reads; the committee posts, edits and sees who read.
    { root: 'notice', pages: ['list/index', 'detail/index', 'form/index'] },
  ],
  // Fetched in the background once 首页 / 我的 is open, so the first tap on an event, a ballot or 消息 does not wait.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['event', 'ballot'] },
    'pages/mine/index': { network: 'all', packages: ['inbox'] },
  },
  window: {
    navigationBarBackgroundColor: '#b3141b',
    navigationBarTitleText: '教工之家',
    navigationBarTextStyle: 'white',
    // H5 then draws a title bar with a back / home button too (the mini-program always has one).
    navigationStyle: 'default',
    backgroundColor: '#f2f2f2',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#3d3d3d',
    selectedColor: '#b3141b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/events/index', text: '活动', iconPath: 'assets/tab/events.png', selectedIconPath: 'assets/tab/events-active.png' },
      { pagePath: 'pages/donate/index', text: '捐款', iconPath: 'assets/tab/donate.png', selectedIconPath: 'assets/tab/donate-active.png' },
      { pagePath: 'pages/proposals/index', text: '提案', iconPath: 'assets/tab/proposals.png', selectedIconPath: 'assets/tab/proposals-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
})
