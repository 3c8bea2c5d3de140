using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using Xunit;

namespace HttpNano.Tests.Host
{
    /// <summary>
    /// Keeps the device image small: builds the library as the device compiles it (build/NanoCheck,
    /// Release, nanoFramework's mscorlib) and estimates the `.pe` that nanoFramework's
    /// MetadataProcessor would make of it, from the per-item costs of that format (24 B a type,
    /// 16 B a method, 8 B a stored field or reference, about 1 B a character of a name or literal,
    /// IL as stored once its tokens shrink to two bytes; names the device has built in and references
    /// only attributes use cost nothing; a name stored for a reference is not stored again for an
    /// own member). The estimate reads within a few bytes of ../shared/tools/pe-size, which gives
    /// the exact figure; this is the guard a fresh machine runs.
    /// </summary>
    public sealed class FlashBudgetTests : IClassFixture<FlashBudgetTests.DeviceBuild>
    {
        /// <summary>
        /// Bytes of flash the library may take on the device, as this estimate counts them: the
        /// target of 30,000 B with HttpTransfer, MultipartForm and TransferException (issue 19).
        /// Measured at that change: pe-size 29,971 B and this estimate 29,971 B, 41 types (before
        /// the transfers: 25,933 B, 37 types).
        /// </summary>
        private const int FlashBudget = 30_000;

        private const int MaxTypes = 48;
        private const int MaxFiles = 50;

        private readonly DeviceBuild _build;

        public FlashBudgetTests(DeviceBuild build)
        {
            _build = build;
        }

        [Fact]
        public void DeviceImageStaysWithinBudget()
        {
            PeEstimate estimate = PeEstimate.Of(_build.Dll);
            Assert.True(estimate.Bytes <= FlashBudget, "estimated HttpClient.Nano.pe: " + estimate);
        }

        [Fact]
        public void LibraryTypesAndFilesStayFew()
        {
            PeEstimate estimate = PeEstimate.Of(_build.Dll);
            Assert.True(estimate.Types <= MaxTypes, "types: " + estimate.Types);
            string library = Path.Combine(RepositoryBuild.Root, "HttpClient.Nano");
            int files = Directory.GetFiles(library, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(library, f))
                .Count(f => !f.StartsWith("obj" + Path.DirectorySeparatorChar) && !f.StartsWith("bin" + Path.DirectorySeparatorChar));
            Assert.True(files <= MaxFiles, "library source files: " + files);
        }

        [Fact]
        public void EstimateSeesEveryKindOfItem()
        {
            // A guard that read nothing would pass any budget: the device build must hold the
            // public API and real code.
            PeEstimate estimate = PeEstimate.Of(_build.Dll);
            Assert.True(estimate.Types > 10 && estimate.Methods > 100 && estimate.IlBytes > 5000 && estimate.LiteralBytes > 500, estimate.ToString());
        }

        /// <summary>The Release build of build/NanoCheck/NanoCheck.Library.csproj, made once into a temporary folder.</summary>
        public sealed class DeviceBuild : IDisposable
        {
            private readonly string _output = Path.Combine(Path.GetTempPath(), "flash-budget-" + Guid.NewGuid().ToString("N"));

            public DeviceBuild()
            {
                string project = Path.Combine(RepositoryBuild.Root, "build", "NanoCheck", "NanoCheck.Library.csproj");
                (int exitCode, string output) = RepositoryBuild.Dotnet(RepositoryBuild.Root, TimeSpan.FromMinutes(4),
                    "build", project, "-c", "Release", "-nologo", "-v:q", "-nodeReuse:false", "-o", _output);
                Assert.True(exitCode == 0, output);
                Dll = Path.Combine(_output, "HttpClient.Nano.dll");
            }

            public string Dll { get; }

            public void Dispose()
            {
                try
                {
                    Directory.Delete(_output, true);
                }
                catch (IOException)
                {
                }
            }
        }

        /// <summary>The items of a compiled assembly that the device image stores, and their estimated bytes.</summary>
        private sealed class PeEstimate
        {
            public int Types;
            public int Methods;
            public int Fields;
            public int References;
            public long NameBytes;
            public long LiteralBytes;
            public long IlBytes;
            public long SignatureBytes;
            public long ReferenceNameBytes;
            public int AssemblyReferences;

            /// <summary>Header, rows, names, literals, stored code and signatures (the coefficients of pe-size's README).</summary>
            public long Bytes => (long)(128 + 12.0 * AssemblyReferences + 24.0 * Types + 16.0 * Methods + 8.0 * Fields + 8.0 * References
                + 0.984 * NameBytes + 1.019 * LiteralBytes + 0.632 * ReferenceNameBytes + IlBytes + 0.84 * SignatureBytes);

            private static bool OutsideCoreLibrary(MetadataReader metadata, TypeReferenceHandle handle)
            {
                EntityHandle scope = metadata.GetTypeReference(handle).ResolutionScope;
                while (scope.Kind == HandleKind.TypeReference)
                {
                    scope = metadata.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
                }

                return scope.Kind == HandleKind.AssemblyReference
                    && metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) != "mscorlib";
            }

            // The device re-encodes signatures more tightly: distinct .dll signature bytes times 0.84.
            private void AddSignature(HashSet<string> seen, MetadataReader metadata, BlobHandle blob)
            {
                byte[] bytes = metadata.GetBlobBytes(blob);
                if (seen.Add(Convert.ToBase64String(bytes)))
                {
                    SignatureBytes += bytes.Length;
                }
            }

            public static PeEstimate Of(string dll)
            {
                using FileStream file = File.OpenRead(dll);
                using PEReader pe = new PEReader(file);
                MetadataReader metadata = pe.GetMetadataReader();
                PeEstimate estimate = new PeEstimate();
                HashSet<string> names = new HashSet<string>(StringComparer.Ordinal);
                foreach (TypeDefinitionHandle handle in metadata.TypeDefinitions)
                {
                    TypeDefinition type = metadata.GetTypeDefinition(handle);
                    string name = metadata.GetString(type.Name);
                    if (name == "<Module>")
                    {
                        continue;
                    }

                    estimate.Types++;
                    names.Add(name);
                    names.Add(metadata.GetString(type.Namespace));
                }

                foreach (FieldDefinitionHandle handle in metadata.FieldDefinitions)
                {
                    FieldDefinition field = metadata.GetFieldDefinition(handle);
                    if ((field.Attributes & FieldAttributes.Literal) == 0)
                    {
                        estimate.Fields++;
                        names.Add(metadata.GetString(field.Name));
                    }
                }

                foreach (MethodDefinitionHandle handle in metadata.MethodDefinitions)
                {
                    MethodDefinition method = metadata.GetMethodDefinition(handle);
                    estimate.Methods++;
                    names.Add(metadata.GetString(method.Name));
                    if (method.RelativeVirtualAddress != 0)
                    {
                        MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
                        estimate.IlBytes += StoredCodeBytes(body.GetILBytes()) + 12 * body.ExceptionRegions.Length;
                    }
                }

                // Names the assembly also uses to reach mscorlib (".ctor", "Dispose", "System"...) are
                // built into the device: an own member of the same name stores none.
                foreach (TypeReferenceHandle handle in metadata.TypeReferences)
                {
                    if (!OutsideCoreLibrary(metadata, handle))
                    {
                        names.Remove(metadata.GetString(metadata.GetTypeReference(handle).Name));
                        names.Remove(metadata.GetString(metadata.GetTypeReference(handle).Namespace));
                    }
                }

                foreach (MemberReferenceHandle handle in metadata.MemberReferences)
                {
                    MemberReference member = metadata.GetMemberReference(handle);
                    if (member.Parent.Kind == HandleKind.TypeReference && !OutsideCoreLibrary(metadata, (TypeReferenceHandle)member.Parent))
                    {
                        names.Remove(metadata.GetString(member.Name));
                    }
                }

                UserStringHandle literal = MetadataTokens.UserStringHandle(1);
                while (!literal.IsNil)
                {
                    estimate.LiteralBytes += Encoding.UTF8.GetByteCount(metadata.GetUserString(literal)) + 1;
                    literal = metadata.GetNextHandle(literal);
                }

                // Names that reach other assemblies than mscorlib (whose names the device has built in).
                HashSet<string> referenceNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (TypeReferenceHandle handle in metadata.TypeReferences)
                {
                    TypeReference type = metadata.GetTypeReference(handle);
                    if (OutsideCoreLibrary(metadata, handle))
                    {
                        referenceNames.Add(metadata.GetString(type.Name));
                        referenceNames.Add(metadata.GetString(type.Namespace));
                    }
                }

                foreach (MemberReferenceHandle handle in metadata.MemberReferences)
                {
                    MemberReference member = metadata.GetMemberReference(handle);
                    if (member.Parent.Kind == HandleKind.TypeReference && OutsideCoreLibrary(metadata, (TypeReferenceHandle)member.Parent))
                    {
                        referenceNames.Add(metadata.GetString(member.Name));
                    }
                }

                foreach (string name in referenceNames)
                {
                    estimate.ReferenceNameBytes += Encoding.UTF8.GetByteCount(name) + 1;
                }

                // The string heap stores each distinct string once: an own name that is also a
                // reference name (an override of Stream.Read, TcpTransport.Send beside Socket.Send)
                // is counted there.
                foreach (string name in names)
                {
                    if (name.Length > 0 && !referenceNames.Contains(name))
                    {
                        estimate.NameBytes += Encoding.UTF8.GetByteCount(name) + 1;
                    }
                }

                // Signatures are stored once each.
                HashSet<string> signatures = new HashSet<string>(StringComparer.Ordinal);
                foreach (MethodDefinitionHandle handle in metadata.MethodDefinitions)
                {
                    estimate.AddSignature(signatures, metadata, metadata.GetMethodDefinition(handle).Signature);
                }

                foreach (FieldDefinitionHandle handle in metadata.FieldDefinitions)
                {
                    estimate.AddSignature(signatures, metadata, metadata.GetFieldDefinition(handle).Signature);
                }

                foreach (MemberReferenceHandle handle in metadata.MemberReferences)
                {
                    estimate.AddSignature(signatures, metadata, metadata.GetMemberReference(handle).Signature);
                }

                for (int row = 1; row <= metadata.GetTableRowCount(TableIndex.StandAloneSig); row++)
                {
                    estimate.AddSignature(signatures, metadata, metadata.GetStandaloneSignature(MetadataTokens.StandaloneSignatureHandle(row)).Signature);
                }

                // Attributes the device keeps are few; references that only attributes use are dropped.
                foreach (TypeReferenceHandle handle in metadata.TypeReferences)
                {
                    if (!metadata.GetString(metadata.GetTypeReference(handle).Name).EndsWith("Attribute", StringComparison.Ordinal))
                    {
                        estimate.References++;
                    }
                }

                foreach (MemberReferenceHandle handle in metadata.MemberReferences)
                {
                    MemberReference member = metadata.GetMemberReference(handle);
                    if (member.Parent.Kind != HandleKind.TypeReference
                        || !metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)member.Parent).Name).EndsWith("Attribute", StringComparison.Ordinal))
                    {
                        estimate.References++;
                    }
                }

                estimate.AssemblyReferences = metadata.AssemblyReferences.Count;
                return estimate;
            }

            // The size of IL as the device stores it: metadata tokens and long branch offsets
            // take two bytes instead of four, a switch two bytes per target.
            private static int StoredCodeBytes(byte[] il)
            {
                int stored = 0;
                int i = 0;
                while (i < il.Length)
                {
                    OpCode op = il[i] == 0xFE ? TwoByteOpCodes[il[i + 1]] : OneByteOpCodes[il[i]];
                    i += op.Size;

                    // Operand bytes in the IL, and as stored: tokens (method, field, type, string,
                    // signature) and long branches shrink from 4 to 2.
                    (int read, int kept) = op.OperandType switch
                    {
                        OperandType.InlineNone => (0, 0),
                        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => (1, 1),
                        OperandType.InlineVar => (2, 2),
                        OperandType.InlineI or OperandType.ShortInlineR => (4, 4),
                        OperandType.InlineI8 or OperandType.InlineR => (8, 8),
                        OperandType.InlineSwitch => (4 + 4 * BitConverter.ToInt32(il, i), 1 + 2 * BitConverter.ToInt32(il, i)),
                        _ => (4, 2),
                    };
                    i += read;
                    stored += op.Size + kept;
                }

                return stored;
            }

            private static readonly OpCode[] OneByteOpCodes = OpCodeTable(1);
            private static readonly OpCode[] TwoByteOpCodes = OpCodeTable(2);

            private static OpCode[] OpCodeTable(int size)
            {
                OpCode[] table = new OpCode[256];
                foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    OpCode op = (OpCode)field.GetValue(null);
                    if (op.Size == size)
                    {
                        table[(ushort)op.Value & 0xFF] = op;
                    }
                }

                return table;
            }

            public override string ToString()
            {
                return Bytes + " bytes (" + Types + " types, " + Methods + " methods, " + Fields + " fields, "
                    + References + " references, names " + NameBytes + " B, literals " + LiteralBytes + " B, IL " + IlBytes + " B)";
            }
        }
    }
}
