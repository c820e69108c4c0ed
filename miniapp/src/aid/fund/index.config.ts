export default definePageConfig({ navigationBarTitleText: '互助金账目', enablePullDownRefresh: true })
