export default definePageConfig({ navigationBarTitleText: '爱心捐款', enablePullDownRefresh: true })
