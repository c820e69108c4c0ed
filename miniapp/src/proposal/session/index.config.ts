export default definePageConfig({ navigationBarTitleText: '提案征集', enablePullDownRefresh: true })
