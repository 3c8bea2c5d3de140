using System;
using nanoFramework.TestFramework;

namespace HttpNano.Tests
{
    [TestClass]
    public class HttpHeadersTests
    {
        [TestMethod]
        public void LookupIgnoresCaseAndJoinsDuplicatesInOrder()
        {
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Set-Cookie", "a=1");
            headers.Add("Content-Type", "text/plain");
            headers.Add("set-cookie", "b=2");
            Assert.AreEqual("a=1, b=2", headers.Get("SET-COOKIE"));
            Assert.AreEqual("text/plain", headers["content-type"]);
            Assert.AreEqual(3, headers.Count);
            Assert.AreEqual("set-cookie", headers.GetName(2));
            Assert.AreEqual("b=2", headers.GetValue(2));
        }

        [TestMethod]
        public void MissingNameGivesNullAndEmptyValues()
        {
            HttpHeaders headers = new HttpHeaders();
            headers.Add("A", "1");
            Assert.IsNull(headers.Get("B"));
            Assert.IsFalse(headers.Contains("B"));
            Assert.AreEqual(0, headers.GetValues("B").Length);
        }

        [TestMethod]
        public void SetReplacesEveryDuplicateAndKeepsOthersInOrder()
        {
            HttpHeaders headers = new HttpHeaders();
            headers.Add("X", "1");
            headers.Add("Y", "2");
            headers.Add("x", "3");
            headers.Set("X", "4");
            Assert.AreEqual(2, headers.Count);
            Assert.AreEqual("Y", headers.GetName(0));
            Assert.AreEqual("4", headers.Get("x"));
        }

        [TestMethod]
        public void GrowsPastInitialCapacityAndKeepsOrder()
        {
            HttpHeaders headers = new HttpHeaders();
            for (int i = 0; i < 40; i++)
            {
                headers.Add("H" + i.ToString(), i.ToString());
            }

            Assert.AreEqual(40, headers.Count);
            HttpHeader[] fields = headers.ToArray();
            Assert.AreEqual("H39", fields[39].Name);
            Assert.AreEqual("17", fields[17].Value);
        }

        [TestMethod]
        public void GetValuesReturnsEachDuplicate()
        {
            HttpHeaders headers = new HttpHeaders();
            headers.Add("V", "a");
            headers.Add("W", "b");
            headers.Add("v", "c");
            string[] values = headers.GetValues("V");
            Assert.AreEqual(2, values.Length);
            Assert.AreEqual("a", values[0]);
            Assert.AreEqual("c", values[1]);
        }

        [TestMethod]
        public void NullNameOrValueIsRejected()
        {
            HttpHeaders headers = new HttpHeaders();
            Assert.ThrowsException(typeof(ArgumentNullException), () => headers.Add(null, "v"));
            Assert.ThrowsException(typeof(ArgumentNullException), () => headers.Add("n", null));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => headers.GetName(0));
        }

        [TestMethod]
        public void RemoveAndClear()
        {
            HttpHeaders headers = new HttpHeaders();
            headers.Add("A", "1");
            headers.Add("B", "2");
            headers.Add("a", "3");
            Assert.AreEqual(2, headers.Remove("A"));
            Assert.AreEqual(1, headers.Count);
            headers.Clear();
            Assert.AreEqual(0, headers.Count);
            Assert.IsNull(headers.Get("B"));
        }
    }
}
