#include <stdio.h>

/* Breadth-first search over the grid with a queue of (row, col) points. */

#define LIM 205

typedef struct {
    int r, c;
} Point;

char map[LIM][LIM];
int d[LIM][LIM];
Point q[LIM * LIM];

int main(void) {
    int n, m;
    scanf("%d %d", &n, &m);
    Point s = {-1, -1}, t = {-1, -1};
    for (int i = 0; i < n; i++) {
        scanf("%s", map[i]);
        for (int j = 0; j < m; j++) {
            d[i][j] = -1;
            if (map[i][j] == 'S') s = (Point){i, j};
            if (map[i][j] == 'T') t = (Point){i, j};
        }
    }
    if (s.r == -1 || t.r == -1) {
        printf("no start or target\n");
        return 0;
    }
    int front = 0, rear = 0;
    q[rear++] = s;
    d[s.r][s.c] = 0;
    int moves[4][2] = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
    while (front < rear) {
        Point p = q[front++];
        for (int k = 0; k < 4; k++) {
            int a = p.r + moves[k][0];
            int b = p.c + moves[k][1];
            if (a < 0 || b < 0 || a >= n || b >= m) continue;
            if (map[a][b] == '#' || d[a][b] != -1) continue;
            d[a][b] = d[p.r][p.c] + 1;
            q[rear++] = (Point){a, b};
        }
    }
    if (d[t.r][t.c] == -1) printf("unreachable\n");
    else printf("%d\n", d[t.r][t.c]);
    return 0;
}
