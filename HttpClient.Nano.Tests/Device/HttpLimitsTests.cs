using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HttpLimitsTests
    {
        [TestMethod]
        public void DefaultsAreDeviceSized()
        {
            HttpLimits limits = new HttpLimits();
            Assert.AreEqual(HttpLimits.DefaultMaxLineLength, limits.MaxLineLength);
            Assert.IsTrue(limits.MaxLineLength < 65536);
            Assert.IsTrue(limits.MaxHeaderCount < 100);
            Assert.IsTrue(limits.MaxInterimResponses < 100);
        }

        [DataRow(0)]
        [DataRow(-1)]
        public void NonPositiveLimitIsRejected(int value)
        {
            HttpLimits limits = new HttpLimits();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => limits.MaxLineLength = value);
            Assert.AreEqual(HttpLimits.DefaultMaxLineLength, limits.MaxLineLength);
        }
    }
}
