Page({
  onLoad() {
    wx.getLocation({ type: 'gcj02', success: (loc) => this.setData({ loc }) });
    wx.request({ url: 'https://api.demo-bank.example.cn/v1/branches' });
  }
});
