// Draws the overview's charts from the page's JSON data block (Chart.js, vendored under /lib).
(function () {
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  const forecast = document.getElementById('forecast-chart');
  if (forecast && data.months.length > 0) {
    // Stacked: in kind, bought and missing add up to the units due by each month.
    const axis = (text) => ({ display: true, text: text });
    new Chart(forecast, {
      type: 'bar',
      data: {
        labels: data.months.map(m => m.month),
        datasets: [
          { label: 'in kind, on time (units)', data: data.months.map(m => m.inKind), backgroundColor: '#1f6fb4' },
          { label: 'bought, on time (units)', data: data.months.map(m => m.bought), backgroundColor: '#e0a400' },
          { label: 'missing: late or not covered (units)', data: data.months.map(m => m.missing), backgroundColor: '#c8c8c8' },
        ],
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: true, position: 'top' } },
        scales: {
          x: { stacked: true, title: axis('month (requirements due by the end of it)') },
          y: { stacked: true, beginAtZero: true, title: axis('units due, cumulative') },
        },
      },
    });
  }
  const burden = document.getElementById('burden-chart');
  if (burden && data.allies.length > 0) {
    new Chart(burden, {
      type: 'bar',
      data: {
        labels: data.allies.map(a => a.name),
        datasets: [{ label: 'contributions as % of fair share', data: data.allies.map(a => a.percent), backgroundColor: '#1f6fb4' }],
      },
      options: { animation: false, indexAxis: 'y', responsive: true, maintainAspectRatio: false, scales: { x: { beginAtZero: true } } },
    });
  }
  document.body.dataset.chartsDrawn = String(document.querySelectorAll('canvas').length);
})();
