package data_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// sqlArg names the calls that take SQL text and the position of that text among their
// arguments: database/sql's methods, and this package's own helpers that pass SQL on.
var sqlArg = map[string]int{
	"Exec": 0, "Query": 0, "QueryRow": 0, "Prepare": 0,
	"ExecContext": 1, "QueryContext": 1, "QueryRowContext": 1, "PrepareContext": 1,
	"query": 0, "exec": 0, // scanConn's, the C API's
	"events": 1, "eachString": 1, // DB's, which hand their argument to QueryContext
	"prep": 0, // Writer.prepare's, which hands its argument to PrepareContext
}

// sqlNotConstant lists, by file and function, the reviewed places whose SQL is not a
// constant expression, with the reason no user's or file's value can reach it. Values
// always go through ? placeholders; this list is for SQL text only.
var sqlNotConstant = map[string]string{
	"read.go events":              "runs its query parameter; the calls of events are checked here",
	"check.go eachString":         "runs its query parameter; the calls of eachString are checked here",
	"export_scan.go exec":         "runs its q parameter; the calls of exec are checked here",
	"write.go prepare":            "prep prepares its q parameter; the calls of prep are checked here",
	"stats.go Stats":              "column names from the constant list breakdownColumns",
	"schema_check.go checkTables": "table names from the constant list modelTables",
	"migrate.go apply":            "the migrations embedded in the program",
	"create.go withoutIndexes":    "index names and DDL read back from the file Create is making, whose schema is the migrations'",
	"search_bulk.go startSide":    "the events_fts DDL read back from the file Create is making, whose schema is the migrations'",
}

// TestSQLIsConstantOrReviewed reads the package's Go source and fails on any SQL text
// built at run time outside the reviewed list above, so that a value read from a user
// or a file cannot become part of a statement by a later change.
func TestSQLIsConstantOrReviewed(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var parsed []*ast.File
	consts := map[string]bool{}
	stmts := map[string]bool{} // names declared *sql.Stmt: their SQL was checked where prepared
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
		ast.Inspect(f, func(n ast.Node) bool {
			if names, typ := declared(n); isStmtType(typ) {
				for _, n := range names {
					stmts[n.Name] = true
				}
			}
			return true
		})
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
				for _, s := range g.Specs {
					for _, n := range s.(*ast.ValueSpec).Names {
						consts[n.Name] = true
					}
				}
			}
		}
	}
	used := map[string]bool{}
	calls := 0
	for _, f := range parsed {
		file := filepath.Base(fset.Position(f.Pos()).Filename)
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			local := localConstants(fn.Body, consts)
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var recv ast.Expr // nil for a plain function
				if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
					recv = sel.X
				}
				i, ok := sqlArg[lastName(call.Fun)]
				if !ok || i >= len(call.Args) || recv != nil && stmts[lastName(recv)] {
					return true
				}
				calls++
				if isConstant(call.Args[i], local) {
					return true
				}
				key := file + " " + fn.Name.Name
				if _, ok := sqlNotConstant[key]; ok {
					used[key] = true
					return true
				}
				t.Errorf("%s: %s builds its SQL at run time; use a constant and ? placeholders, or review it into sqlNotConstant",
					fset.Position(call.Pos()), fn.Name.Name)
				return true
			})
		}
	}
	if calls < 40 {
		t.Errorf("found only %d calls that take SQL; the audit no longer sees them", calls)
	}
	for key := range sqlNotConstant {
		if !used[key] {
			t.Errorf("sqlNotConstant lists %q, which builds no SQL any more: take it off", key)
		}
	}
}

// isConstant reports whether e is a string constant: literals, constants of the
// package, and sums and parentheses of them.
func isConstant(e ast.Expr, consts map[string]bool) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return e.Kind == token.STRING
	case *ast.Ident:
		return consts[e.Name]
	case *ast.ParenExpr:
		return isConstant(e.X, consts)
	case *ast.BinaryExpr:
		return e.Op == token.ADD && isConstant(e.X, consts) && isConstant(e.Y, consts)
	}
	return false
}

// declared returns the names a field, variable or parameter declaration gives and
// their written type.
func declared(n ast.Node) ([]*ast.Ident, ast.Expr) {
	switch d := n.(type) {
	case *ast.Field:
		return d.Names, d.Type
	case *ast.ValueSpec:
		return d.Names, d.Type
	}
	return nil, nil
}

// isStmtType reports whether e is written *sql.Stmt.
func isStmtType(e ast.Expr) bool {
	star, ok := e.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "sql" && sel.Sel.Name == "Stmt"
}

// lastName returns the name an expression ends in: x for x, f for a.b.f, "" otherwise.
func lastName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}

// localConstants adds to the package's constants the variables of body that are only
// ever given constant values, such as query := eventsQuery + " WHERE …".
func localConstants(body *ast.BlockStmt, consts map[string]bool) map[string]bool {
	values := map[string][]ast.Expr{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					var v ast.Expr // nil, never constant, when one call gives several values
					if len(n.Lhs) == len(n.Rhs) {
						v = n.Rhs[i]
					}
					values[id.Name] = append(values[id.Name], v)
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				var v ast.Expr
				if len(n.Names) == len(n.Values) {
					v = n.Values[i]
				}
				values[id.Name] = append(values[id.Name], v)
			}
		}
		return true
	})
	out := maps.Clone(consts)
	for name, vs := range values {
		delete(out, name) // a local shadows the package's constant of the same name
		if !slices.ContainsFunc(vs, func(v ast.Expr) bool { return v == nil || !isConstant(v, consts) }) {
			out[name] = true
		}
	}
	return out
}

// TestSQLStaysInData fails when a package other than data reaches SQLite itself: every
// statement the programs run is one the audit above has seen.
func TestSQLStaysInData(t *testing.T) {
	root := ".."
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("the module's root is not the parent folder: %v", err)
	}
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "data") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p == "database/sql" || strings.HasPrefix(p, "modernc.org/sqlite") {
				found = append(found, path+" imports "+p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(found)
	for _, f := range found {
		t.Errorf("%s: only the data package may speak SQL", f)
	}
}
