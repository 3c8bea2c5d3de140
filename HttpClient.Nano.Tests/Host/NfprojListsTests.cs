using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace HttpNano.Tests.Host
{
    /// <summary>
    /// The Visual Studio nanoFramework projects list their sources one by one: these tests fail
    /// when a list is stale (fix: bash build/sync-nfproj.sh).
    /// </summary>
    public sealed class NfprojListsTests
    {
        [Fact]
        public void LibraryProjectListsEveryDeviceSource()
        {
            string project = Path.Combine(Root, "HttpClient.Nano");
            AssertListMatches(Path.Combine(project, "HttpClient.Nano.nfproj"), SourcesUnder(project, project, skipHost: true));
        }

        [Fact]
        public void TestProjectListsEveryDeviceTest()
        {
            string project = Path.Combine(Root, "HttpClient.Nano.Tests");
            AssertListMatches(Path.Combine(project, "HttpClient.Nano.Tests.nfproj"), SourcesUnder(project, Path.Combine(project, "Device"), skipHost: false));
        }

        [Fact]
        public void TestProjectIsANanoFrameworkTestContainer()
        {
            XDocument project = XDocument.Load(Path.Combine(Root, "HttpClient.Nano.Tests", "HttpClient.Nano.Tests.nfproj"));
            XNamespace ns = project.Root.Name.Namespace;

            Assert.Equal("NFUnitTest", project.Descendants(ns + "AssemblyName").Single().Value);
            Assert.Equal("true", project.Descendants(ns + "IsTestProject").Single().Value);
            Assert.Contains(project.Descendants(ns + "ProjectCapability"), e => (string)e.Attribute("Include") == "TestContainer");
            Assert.True(File.Exists(Path.Combine(Root, "HttpClient.Nano.Tests", "nano.runsettings")));
        }

        private static void AssertListMatches(string nfproj, SortedSet<string> expected)
        {
            XDocument project = XDocument.Load(nfproj);
            SortedSet<string> listed = new SortedSet<string>(StringComparer.Ordinal);
            foreach (XElement compile in project.Descendants(project.Root.Name.Namespace + "Compile"))
            {
                listed.Add(((string)compile.Attribute("Include")).Replace('\\', '/'));
            }

            string[] missing = expected.Except(listed).ToArray();
            string[] stale = listed.Except(expected).ToArray();
            Assert.True(missing.Length == 0, Path.GetFileName(nfproj) + " misses " + string.Join(", ", missing) + " (run bash build/sync-nfproj.sh)");
            Assert.True(stale.Length == 0, Path.GetFileName(nfproj) + " lists missing files " + string.Join(", ", stale) + " (run bash build/sync-nfproj.sh)");
        }

        private static SortedSet<string> SourcesUnder(string projectDirectory, string folder, bool skipHost)
        {
            SortedSet<string> sources = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(projectDirectory, file).Replace('\\', '/');
                string[] folders = relative.Split('/');
                bool skipped = false;
                for (int i = 0; i < folders.Length - 1; i++)
                {
                    skipped |= folders[i] == "bin" || folders[i] == "obj" || (skipHost && folders[i] == "Host");
                }

                if (!skipped)
                {
                    sources.Add(relative);
                }
            }

            return sources;
        }

        private static string Root => RepositoryBuild.Root;
    }
}
