const QQMapWX = require('../../libs/qqmap-wx-jssdk.js');
const config = require('../../utils/config.js');
const map = new QQMapWX({ key: 'DEMO-KEY' });
Page({
  data: { branches: [] },
  onLoad() {
    wx.getLocation({
      type: 'gcj02',
      success: (loc) => map.reverseGeocoder({ location: loc, success: (r) => this.setData({ city: r.result }) })
    });
    wx.request({ url: 'https://api.demo-bank.example.cn/v1/branches', success: (r) => this.setData({ branches: r.data }) });
    wx.request({ url: 'http://legacy.demo-bank.example.cn/gateway/rates', method: 'GET' });
  },
  pickAddress() {
    // chooseAddress is NOT in requiredPrivateInfos: undeclared use
    wx.chooseAddress({ success: (a) => this.setData({ address: a }) });
  },
  pasteAccount() {
    wx.getClipboardData({ success: (c) => this.setData({ account: c.data }) });
  },
  runRule(expr) {
    return eval(expr);
  },
  buildFormatter(body) {
    return new Function('value', body);
  },
  globalObject() {
    return Function('return this')();
  },
  openSocket() {
    wx.connectSocket({ url: 'wss://push.demo-bank.example.cn/ws' });
  }
});
