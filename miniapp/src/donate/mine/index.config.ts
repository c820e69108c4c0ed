export default definePageConfig({ navigationBarTitleText: '我的捐款', enablePullDownRefresh: true })
