// Command pulumi-resource-kubernetes serves the upstream Kubernetes provider library.
//
// Upstream's own main embeds schema files that are generated at build time and are not in
// the module zip, so this wrapper embeds copies that scripts/setup writes next to it from the
// module's committed schema.json (with the version stamped) and terraform-mapping.json.
package main

import (
	_ "embed"

	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/provider"
	"github.com/pulumi/pulumi-kubernetes/provider/v4/pkg/version"
)

//go:embed schema-embed.json
var pulumiSchema []byte

//go:embed terraform-mapping-embed.json
var terraformMapping []byte

func main() {
	provider.Serve("kubernetes", version.Version, pulumiSchema, terraformMapping)
}
