Page({
  onLoad() {
    wx.downloadFile({ url: 'https://files.demo-bank.example.cn/contract.pdf' });
  }
});
//# sourceMappingURL=result.js.map
