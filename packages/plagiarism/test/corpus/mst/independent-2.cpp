#include <bits/stdc++.h>
using namespace std;

// Kruskal's algorithm; the disjoint set uses recursive path compression and union by size.

int par[200005], sz[200005];

int root(int x) { return par[x] == x ? x : par[x] = root(par[x]); }

bool join(int a, int b) {
    a = root(a), b = root(b);
    if (a == b) return false;
    if (sz[a] < sz[b]) swap(a, b);
    par[b] = a;
    sz[a] += sz[b];
    return true;
}

int main() {
    int n, m;
    cin >> n >> m;
    vector<tuple<long long, int, int>> es;
    for (int i = 0; i < m; i++) {
        int a, b;
        long long w;
        cin >> a >> b >> w;
        es.emplace_back(w, min(a, b), max(a, b));
    }
    sort(es.begin(), es.end());
    for (int i = 0; i < n; i++) par[i] = i, sz[i] = 1;
    long long cost = 0;
    vector<tuple<int, int, long long>> used;
    for (auto &[w, a, b] : es) {
        if (!join(a, b)) continue;
        cost += w;
        used.emplace_back(a, b, w);
    }
    if ((int)used.size() < n - 1) {
        cout << "IMPOSSIBLE\n";
        return 0;
    }
    cout << cost << '\n';
    for (auto &[a, b, w] : used) cout << a << ' ' << b << ' ' << w << '\n';
}
