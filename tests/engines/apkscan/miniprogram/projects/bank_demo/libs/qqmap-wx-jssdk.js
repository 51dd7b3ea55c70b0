// A small stand-in for the location SDK module written for this test: same module name and class name.
class QQMapWX {
  constructor(options) { this.key = options.key; }
  reverseGeocoder(opts) {
    wx.request({ url: 'https://apis.map.qq.com/ws/geocoder/v1/', data: { location: opts.location, key: this.key }, success: opts.success });
  }
}
module.exports = QQMapWX;
