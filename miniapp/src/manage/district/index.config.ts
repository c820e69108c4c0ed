export default definePageConfig({ navigationBarTitleText: '全区学校', enablePullDownRefresh: true })
