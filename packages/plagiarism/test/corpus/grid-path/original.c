#include <stdio.h>
#include <string.h>

#define MAXN 200

char grid[MAXN][MAXN + 2];
int dist[MAXN][MAXN];
int queueR[MAXN * MAXN];
int queueC[MAXN * MAXN];
int rows, cols;

const int dr[4] = {1, -1, 0, 0};
const int dc[4] = {0, 0, 1, -1};

int inside(int r, int c) {
    return r >= 0 && r < rows && c >= 0 && c < cols;
}

int bfs(int sr, int sc, int tr, int tc) {
    int head = 0, tail = 0;
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
            dist[r][c] = -1;
        }
    }
    dist[sr][sc] = 0;
    queueR[tail] = sr;
    queueC[tail] = sc;
    tail++;
    while (head < tail) {
        int r = queueR[head];
        int c = queueC[head];
        head++;
        if (r == tr && c == tc) {
            return dist[r][c];
        }
        for (int d = 0; d < 4; d++) {
            int nr = r + dr[d];
            int nc = c + dc[d];
            if (inside(nr, nc) && grid[nr][nc] != '#' && dist[nr][nc] == -1) {
                dist[nr][nc] = dist[r][c] + 1;
                queueR[tail] = nr;
                queueC[tail] = nc;
                tail++;
            }
        }
    }
    return -1;
}

int main(void) {
    if (scanf("%d %d", &rows, &cols) != 2) {
        return 1;
    }
    int sr = -1, sc = -1, tr = -1, tc = -1;
    for (int r = 0; r < rows; r++) {
        scanf("%s", grid[r]);
        for (int c = 0; c < cols; c++) {
            if (grid[r][c] == 'S') {
                sr = r;
                sc = c;
            } else if (grid[r][c] == 'T') {
                tr = r;
                tc = c;
            }
        }
    }
    if (sr < 0 || tr < 0) {
        printf("no start or target\n");
        return 0;
    }
    int answer = bfs(sr, sc, tr, tc);
    if (answer < 0) {
        printf("unreachable\n");
    } else {
        printf("%d\n", answer);
    }
    return 0;
}
