#include <algorithm>
#include <iostream>
#include <numeric>
#include <vector>
using namespace std;

/*
 * Minimum spanning tree (Kruskal + union-find with path halving and union by rank)
 */

struct Link
{
    int a, b;
    long long cost;
    bool operator<(const Link &o) const
    {
        if (cost != o.cost) { return cost < o.cost; }
        if (a != o.a) { return a < o.a; }
        return b < o.b;
    }
};

class UnionFind
{
    vector<int> up, depth;

public:
    explicit UnionFind(int size) : up(size), depth(size, 0)
    {
        iota(up.begin(), up.end(), 0);
    }

    bool merge(int p, int q)
    {
        p = root(p);
        q = root(q);
        if (p == q) { return false; }
        if (depth[p] < depth[q]) { swap(p, q); }
        up[q] = p;
        if (depth[p] == depth[q]) { depth[p] += 1; }
        return true;
    }

    int root(int x)
    {
        while (up[x] != x)
        {
            up[x] = up[up[x]];
            x = up[x];
        }
        return x;
    }
};

int main()
{
    int vertices, count;
    cin >> vertices >> count;
    vector<Link> links(count);
    for (int j = 0; j < count; ++j)
    {
        cin >> links[j].a >> links[j].b >> links[j].cost;
        if (links[j].a > links[j].b) { swap(links[j].a, links[j].b); }
    }
    vector<Link> tree;
    long long weight = build(vertices, links, tree);
    if ((int)tree.size() != vertices - 1)
    {
        cout << "IMPOSSIBLE" << endl;
        return 0;
    }
    cout << weight << endl;
    for (const Link &l : tree) { cout << l.a << " " << l.b << " " << l.cost << endl; }
    return 0;
}

long long build(int vertices, vector<Link> &links, vector<Link> &tree)
{
    sort(links.begin(), links.end());
    UnionFind uf(vertices);
    long long weight = 0;
    int unused = 0;
    for (const Link &l : links)
    {
        if (uf.merge(l.a, l.b))
        {
            weight += l.cost;
            tree.push_back(l);
            if ((int)tree.size() == vertices - 1) { break; }
        }
    }
    return weight;
}
