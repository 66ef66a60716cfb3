// compose-config loads Compose files with compose-go, the loader Docker
// Compose itself uses: the files are validated against the Compose
// specification's schema, merged, interpolated and normalised, and printed
// as JSON (as `docker compose config --format json` would). Exit status 1,
// with the loader's message, when they are not a valid project.
//
//	go run . compose.yaml [override.yaml ...]
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: compose-config FILE...")
		os.Exit(2)
	}
	out, err := load(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(string(out))
}

func load(files []string) ([]byte, error) {
	options, err := cli.NewProjectOptions(files, cli.WithOsEnv, cli.WithDotEnv)
	if err != nil {
		return nil, err
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		return nil, err
	}
	return project.MarshalJSON()
}
