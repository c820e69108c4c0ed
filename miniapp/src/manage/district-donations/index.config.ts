export default definePageConfig({ navigationBarTitleText: '全区捐款', enablePullDownRefresh: true })
