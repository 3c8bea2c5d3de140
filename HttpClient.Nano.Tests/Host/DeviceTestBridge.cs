using System;
using System.Collections.Generic;
using System.Reflection;
using nanoFramework.TestFramework;
using Xunit;

namespace HttpNano.Tests.Host
{
    /// <summary>
    /// Runs every nanoFramework-style test in Device/ as its own xunit case: one per
    /// [TestMethod], one per [DataRow]. Like the device's launcher, it calls static-state test
    /// methods on an uninitialised instance, runs a class's [Setup] once before its first test and
    /// its [Cleanup] once at the end of the run.
    /// </summary>
    public sealed class DeviceTestBridge : IClassFixture<DeviceTestBridge.CleanupFixture>
    {
        private static readonly object Gate = new object();
        private static readonly HashSet<Type> SetUp = new HashSet<Type>();

        public static IEnumerable<object[]> Cases()
        {
            foreach (Type type in typeof(DeviceTestBridge).Assembly.GetTypes())
            {
                if (type.GetCustomAttribute<TestClassAttribute>() == null)
                {
                    continue;
                }

                foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    DataRowAttribute[] rows = (DataRowAttribute[])method.GetCustomAttributes(typeof(DataRowAttribute), false);
                    if (rows.Length > 0)
                    {
                        for (int i = 0; i < rows.Length; i++)
                        {
                            yield return new object[] { type.Name + "." + method.Name, i };
                        }
                    }
                    else if (method.GetCustomAttribute<TestMethodAttribute>() != null)
                    {
                        yield return new object[] { type.Name + "." + method.Name, -1 };
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Run(string test, int dataRow)
        {
            int dot = test.IndexOf('.');
            Type type = FindType(test.Substring(0, dot));
            MethodInfo method = type.GetMethod(test.Substring(dot + 1), BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance);
            EnsureSetUp(type);
            object[] args = null;
            if (dataRow >= 0)
            {
                DataRowAttribute[] rows = (DataRowAttribute[])method.GetCustomAttributes(typeof(DataRowAttribute), false);
                args = rows[dataRow].MethodParameters;
            }

            Invoke(type, method, args);
        }

        private static Type FindType(string name)
        {
            foreach (Type type in typeof(DeviceTestBridge).Assembly.GetTypes())
            {
                if (type.Name == name && type.GetCustomAttribute<TestClassAttribute>() != null)
                {
                    return type;
                }
            }

            throw new InvalidOperationException("no test class " + name);
        }

        private static void EnsureSetUp(Type type)
        {
            lock (Gate)
            {
                if (!SetUp.Add(type))
                {
                    return;
                }

                foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    if (method.GetCustomAttribute<SetupAttribute>() != null)
                    {
                        Invoke(type, method, null);
                    }
                }
            }
        }

        private static void Invoke(Type type, MethodInfo method, object[] args)
        {
            object target = method.IsStatic ? null : System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
            try
            {
                method.Invoke(target, args);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
        }

        /// <summary>Runs the [Cleanup] methods of every class that was set up.</summary>
        public sealed class CleanupFixture : IDisposable
        {
            public void Dispose()
            {
                lock (Gate)
                {
                    foreach (Type type in SetUp)
                    {
                        foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                        {
                            if (method.GetCustomAttribute<CleanupAttribute>() != null)
                            {
                                Invoke(type, method, null);
                            }
                        }
                    }
                }
            }
        }
    }
}
