export default definePageConfig({ navigationBarTitleText: '捐款', enablePullDownRefresh: true })
