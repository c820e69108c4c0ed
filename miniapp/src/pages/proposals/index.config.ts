export default definePageConfig({ navigationBarTitleText: '提案建议', enablePullDownRefresh: true })
