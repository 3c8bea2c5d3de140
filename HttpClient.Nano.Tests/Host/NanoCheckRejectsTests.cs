using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace HttpNano.Tests.Host
{
    /// <summary>
    /// Proves the nano compile-check (build/NanoCheck/Nano.props) is a real gate: probe sources
    /// using what the device lacks fail to build, each with its own error, and a probe using only
    /// what the device has builds. The probes are built once, in a temp directory, with a time limit.
    /// </summary>
    public sealed class NanoCheckRejectsTests : IClassFixture<NanoCheckRejectsTests.ProbeBuilds>
    {
        private readonly ProbeBuilds _builds;

        public NanoCheckRejectsTests(ProbeBuilds builds)
        {
            _builds = builds;
        }

        [Theory]
        [InlineData("GenericList")]
        [InlineData("StringJoin")]
        [InlineData("StringReplace")]
        [InlineData("SpanOfT")]
        [InlineData("TaskType")]
        [InlineData("Linq")]
        public void DeviceMissingApiIsACompileError(string probe)
        {
            Assert.NotEqual(0, _builds.Rejected.ExitCode);
            Assert.True(_builds.Rejected.ErrorsByFile.ContainsKey(probe + ".cs"), "no error in " + probe + ".cs:\n" + _builds.Rejected.Output);
        }

        [Fact]
        public void AllowedCodeBuilds()
        {
            Assert.True(_builds.Accepted.ExitCode == 0, _builds.Accepted.Output);
            Assert.Empty(_builds.Accepted.ErrorsByFile);
        }

        /// <summary>The two probe builds, run once for all tests.</summary>
        public sealed class ProbeBuilds : IDisposable
        {
            private static readonly TimeSpan BuildTimeLimit = TimeSpan.FromMinutes(3);

            // Every use sits in a method body: the compiler binds all bodies and reports each
            // error, whereas an error in a using directive or a signature would stop it first.
            private static readonly Dictionary<string, string> RejectedSources = new Dictionary<string, string>
            {
                ["GenericList"] = "class GenericList { object Make() { return new System.Collections.Generic.List<int>(); } }\n",
                ["StringJoin"] = "class StringJoin { string Make(string[] parts) { return string.Join(\",\", parts); } }\n",
                ["StringReplace"] = "class StringReplace { string Make(string s) { return s.Replace(\"a\", \"b\"); } }\n",
                ["SpanOfT"] = "class SpanOfT { int Length(byte[] bytes) { System.Span<byte> span = bytes; return span.Length; } }\n",
                ["TaskType"] = "class TaskType { object Run() { return System.Threading.Tasks.Task.CompletedTask; } }\n",
                ["Linq"] = "class Linq { int Count(int[] values) { return System.Linq.Enumerable.Count(values); } }\n",
            };

            private const string AcceptedSource =
                "using System;\nusing System.Collections;\nusing System.Threading;\n" +
                "class Allowed\n{\n" +
                "    static string Describe(byte[] buffer, int offset, int count)\n    {\n" +
                "        ArrayList parts = new ArrayList();\n" +
                "        parts.Add(count.ToString());\n" +
                "        char[] chars = new char[count];\n" +
                "        for (int i = 0; i < count; i++) { chars[i] = (char)buffer[offset + i]; }\n" +
                "        string text = new string(chars);\n" +
                "        lock (parts) { Interlocked.Increment(ref _calls); }\n" +
                "        if (text.IndexOf(':') < 0) { throw new ArgumentException(\"no colon\"); }\n" +
                "        return string.Concat(text.Substring(0, text.IndexOf(':')).Trim().ToLower(), \"=\", (string)parts[0]);\n" +
                "    }\n" +
                "    static int _calls;\n}\n";

            private readonly string _directory = Path.Combine(Path.GetTempPath(), "nanocheck-probe-" + Guid.NewGuid().ToString("N"));

            public ProbeBuilds()
            {
                string props = Path.Combine(RepositoryBuild.Root, "build", "NanoCheck", "Nano.props");
                Directory.CreateDirectory(_directory);
                Rejected = BuildProbe("Rejected", props, RejectedSources);
                Accepted = BuildProbe("Accepted", props, new Dictionary<string, string> { ["Allowed"] = AcceptedSource });
            }

            public BuildResult Rejected { get; }

            public BuildResult Accepted { get; }

            public void Dispose()
            {
                try
                {
                    Directory.Delete(_directory, true);
                }
                catch (IOException)
                {
                    // A build server may still hold a file for a moment; the temp dir is harmless.
                }
            }

            private BuildResult BuildProbe(string name, string props, Dictionary<string, string> sources)
            {
                string folder = Path.Combine(_directory, name);
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, name + ".csproj"),
                    "<Project Sdk=\"Microsoft.NET.Sdk\">\n" +
                    "  <Import Project=\"" + props + "\" />\n" +
                    "  <PropertyGroup><AssemblyName>" + name + "</AssemblyName></PropertyGroup>\n" +
                    "  <ItemGroup><Compile Include=\"*.cs\" /></ItemGroup>\n" +
                    "</Project>\n");
                foreach (KeyValuePair<string, string> source in sources)
                {
                    File.WriteAllText(Path.Combine(folder, source.Key + ".cs"), source.Value);
                }

                return RunBuild(folder);
            }

            private static BuildResult RunBuild(string folder)
            {
                (int exitCode, string output) = RepositoryBuild.Dotnet(folder, BuildTimeLimit, "build", "-nologo", "-v:q", "-nodeReuse:false", "-clp:NoSummary");
                Dictionary<string, int> errors = new Dictionary<string, int>();
                foreach (Match match in Regex.Matches(output, @"([^\s/\\]+\.cs)\(\d+,\d+\): error CS\d+"))
                {
                    string file = match.Groups[1].Value;
                    errors[file] = errors.TryGetValue(file, out int n) ? n + 1 : 1;
                }

                return new BuildResult(exitCode, output, errors);
            }
        }

        /// <summary>Exit code, console output and error count per source file of one build.</summary>
        public sealed class BuildResult
        {
            public BuildResult(int exitCode, string output, Dictionary<string, int> errorsByFile)
            {
                ExitCode = exitCode;
                Output = output;
                ErrorsByFile = errorsByFile;
            }

            public int ExitCode { get; }

            public string Output { get; }

            public Dictionary<string, int> ErrorsByFile { get; }
        }
    }
}
