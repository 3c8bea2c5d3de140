using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace HttpNano.Tests.Host
{
    /// <summary>
    /// HttpClient.Nano.nuspec follows nanoFramework's package conventions and names only files that
    /// exist or that a build produces; its dependencies equal HttpClient.Nano/packages.config. The
    /// same checks as build/check-nuspec.sh, so the test command covers them too.
    /// </summary>
    public sealed class NuspecTests
    {
        private static readonly string[] LibExtensions = { "dll", "pe", "pdbx", "pdb", "xml" };

        // Written by the nanoFramework build (Windows) and, from the same sources, by the nano
        // compile-check (build/NanoCheck/NanoCheck.Library.csproj) on Linux.
        private static readonly string[] CompilerOutputs = { "dll", "pdb", "xml" };

        // Written only by nanoFramework's MetadataProcessor, which runs on Windows.
        private static readonly string[] MetadataProcessorOutputs = { "pe", "pdbx" };

        private readonly XDocument _nuspec = XDocument.Load(Path.Combine(Root, "HttpClient.Nano.nuspec"));

        [Fact]
        public void HasTheMetadataOfANanoFrameworkPackage()
        {
            Assert.Equal("HttpClient.Nano", Meta("id"));
            Assert.Equal("$version$", Meta("version"));
            foreach (string name in new[] { "title", "authors", "description", "copyright", "projectUrl" })
            {
                Assert.False(string.IsNullOrWhiteSpace(Meta(name)), "<" + name + "> missing or empty");
            }

            Assert.Equal("false", Meta("requireLicenseAcceptance"));
            Assert.Equal("file", (string)MetaElement("license").Attribute("type"));
            XElement repository = MetaElement("repository");
            Assert.Equal("git", (string)repository.Attribute("type"));
            Assert.False(string.IsNullOrEmpty((string)repository.Attribute("url")));
            Assert.False(string.IsNullOrEmpty((string)repository.Attribute("commit")));
        }

        [Fact]
        public void TagsAreNanoFrameworksPlusHttpClientEsp32()
        {
            string[] tags = Meta("tags").Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(
                new[] { "C#", "client", "csharp", "esp32", "http", "nanoFramework", "netmf", "netnf" },
                tags.Distinct().OrderBy(t => t, StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public void UsesOnlyTheSubstitutionTokensPackIsGiven()
        {
            string text = File.ReadAllText(Path.Combine(Root, "HttpClient.Nano.nuspec"));
            string[] tokens = Regex.Matches(text, @"\$[A-Za-z]+\$").Select(m => m.Value).Distinct().ToArray();
            Assert.All(tokens, t => Assert.Contains(t, new[] { "$version$", "$commit$", "$repositoryUrl$" }));
        }

        [Fact]
        public void LibFolderIsFlatWithDllPePdbxPdbAndXml()
        {
            string[] lib = Packaged().Keys.Where(p => p.StartsWith("lib/", StringComparison.Ordinal)).ToArray();
            Assert.All(lib, p => Assert.DoesNotContain('/', p.Substring("lib/".Length)));
            Assert.Equal(
                LibExtensions.Select(e => "lib/HttpClient.Nano." + e).OrderBy(p => p, StringComparer.Ordinal).ToArray(),
                lib.OrderBy(p => p, StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public void EveryFileExistsInTheRepositoryOrIsABuildOutput()
        {
            foreach (string source in Packaged().Values)
            {
                if (File.Exists(Path.Combine(Root, source)))
                {
                    continue;
                }

                string prefix = "HttpClient.Nano/bin/Release/HttpClient.Nano.";
                Assert.True(source.StartsWith(prefix, StringComparison.Ordinal), source + " is neither in the repository nor produced by a build");
                string extension = source.Substring(prefix.Length);
                Assert.True(
                    CompilerOutputs.Contains(extension) || MetadataProcessorOutputs.Contains(extension),
                    source + " is not an output of the nanoFramework build");
            }
        }

        [Fact]
        public void BuildOutputPathsAreWhatTheNfprojWrites()
        {
            XDocument nfproj = XDocument.Load(Path.Combine(Root, "HttpClient.Nano", "HttpClient.Nano.nfproj"));
            XNamespace ns = nfproj.Root.Name.Namespace;
            Assert.Equal("HttpClient.Nano", nfproj.Descendants(ns + "AssemblyName").Single().Value);
            Assert.Equal(@"bin\$(Configuration)\HttpClient.Nano.xml", nfproj.Descendants(ns + "DocumentationFile").Single().Value);

            // The Linux counterpart of the .dll, .pdb and .xml: the nano compile-check of the same sources.
            XDocument check = XDocument.Load(Path.Combine(Root, "build", "NanoCheck", "NanoCheck.Library.csproj"));
            Assert.Equal("HttpClient.Nano", check.Descendants("AssemblyName").Single().Value);
            Assert.Equal("true", check.Descendants("GenerateDocumentationFile").Single().Value);
        }

        [Fact]
        public void LicenseReadmeAndIconArePackaged()
        {
            Dictionary<string, string> packaged = Packaged();
            foreach (string name in new[] { "license", "readme", "icon" })
            {
                string path = Meta(name).Replace('\\', '/');
                Assert.True(packaged.ContainsKey(path), "<" + name + "> names " + path + ", which no <file> packages");
            }

            Assert.StartsWith("MIT License", File.ReadAllText(Path.Combine(Root, packaged["LICENSE"])));
            byte[] icon = File.ReadAllBytes(Path.Combine(Root, packaged[Meta("icon").Replace('\\', '/')]));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, icon.Take(4).ToArray());
        }

        [Fact]
        public void DependenciesEqualPackagesConfig()
        {
            XDocument config = XDocument.Load(Path.Combine(Root, "HttpClient.Nano", "packages.config"));
            string[] expected = config.Root.Elements("package")
                .Where(p => (string)p.Attribute("developmentDependency") != "true")
                .Select(p => (string)p.Attribute("id") + " " + (string)p.Attribute("version"))
                .OrderBy(d => d, StringComparer.Ordinal)
                .ToArray();
            string[] actual = _nuspec.Descendants(Ns + "dependency")
                .Select(d => (string)d.Attribute("id") + " " + (string)d.Attribute("version"))
                .OrderBy(d => d, StringComparer.Ordinal)
                .ToArray();

            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }

        private XNamespace Ns
        {
            get { return _nuspec.Root.Name.Namespace; }
        }

        private XElement MetaElement(string name)
        {
            XElement element = _nuspec.Root.Element(Ns + "metadata").Element(Ns + name);
            Assert.True(element != null, "<" + name + "> missing");
            return element;
        }

        private string Meta(string name)
        {
            return MetaElement(name).Value;
        }

        /// <summary>Packaged path -> source path, both with forward slashes.</summary>
        private Dictionary<string, string> Packaged()
        {
            var packaged = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (XElement file in _nuspec.Root.Element(Ns + "files").Elements(Ns + "file"))
            {
                string source = ((string)file.Attribute("src")).Replace('\\', '/');
                string target = ((string)file.Attribute("target") ?? "").Replace('\\', '/');
                string name = Path.GetFileName(source);
                string destination;
                if (target.Length == 0)
                {
                    destination = name;
                }
                else if (target.EndsWith("/", StringComparison.Ordinal))
                {
                    destination = target + name;
                }
                else
                {
                    // A target with an extension names the file; otherwise it is a folder.
                    destination = Path.HasExtension(target) ? target : target + "/" + name;
                }

                packaged.Add(destination, source);
            }

            return packaged;
        }

        private static string Root
        {
            get
            {
                DirectoryInfo directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory != null && !File.Exists(Path.Combine(directory.FullName, "HttpClient.Nano.nuspec")))
                {
                    directory = directory.Parent;
                }

                return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
            }
        }
    }
}
